"""``python -m zwgk`` runs the command-line interface."""

from zwgk._cli import main

raise SystemExit(main())
