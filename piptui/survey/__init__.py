"""The end-of-programme evaluation survey, around the pure :mod:`piptui.domain.survey`.

- :mod:`piptui.survey.load`: which survey a programme uses, and its report (one programme, or
  every programme of the sessions folder: ``programme_report``, ``all_programmes_report``).
- :mod:`piptui.survey.csv_import`: responses from a CSV file (an online form's export),
  checked whole first (``parse_responses_csv``, ``import_csv``).
- :mod:`piptui.survey.report_markdown`, :mod:`piptui.survey.report_csv`: the report as
  Markdown (the published tables) or as a CSV for a spreadsheet (``report_markdown``, ``report_csv``).

The screens are :mod:`piptui.ui.screens.survey` (typing in paper forms) and
:mod:`piptui.ui.screens.report`; the commands :mod:`piptui.cli.survey_cmd`.
"""
