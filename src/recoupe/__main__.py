from recoupe.cli import main

main()
