"""Entry point: `python <this folder> <request.json>` (see __init__.py)."""
import os
import sys

if __name__ == "__main__":
    # Python put this folder first on sys.path; put its parent there instead, so these modules
    # load as the package `harness` and none of them shadows a module of the user's script.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    from harness.run import main

    # Loaded, they need their names no more: a module of the user's called `harness` is then
    # the user's, as it was when the harness was one file run as __main__.
    for name in [n for n in sys.modules if n == "harness" or n.startswith("harness.")]:
        del sys.modules[name]
    main()
