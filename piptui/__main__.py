from piptui.cli import main

main()
