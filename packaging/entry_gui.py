"""Frozen entry of the windowed `qinggao-gui` executable (PyInstaller runs this file as __main__)."""
import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: in a frozen Windows build, a batch's worker processes re-run this executable, and
    # freeze_support() turns them into workers before the app (and Qt) is imported again.
    multiprocessing.freeze_support()
    from desktop.app import main

    sys.exit(main())
