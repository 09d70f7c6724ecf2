"""Frozen entry of the console `qinggao` executable (PyInstaller runs this file as __main__)."""
import multiprocessing
import sys

from core.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows app must call this before any worker process starts
    sys.exit(main())
