"""The bundled exercise scripts, installed as the package ``piptui.bundled_exercises``.

Only the YAML files here matter to facilitators: copy one into your own exercises folder
(``--exercises-dir`` or ``$PIPTUI_EXERCISES``), edit it, and check it with ``piptui exercises check``.
"""
