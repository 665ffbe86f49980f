"""``python -m helpers.publish``: build the site, or store lesson outputs (see :mod:`.build`)."""

import sys

from helpers.publish.build import main

sys.exit(main())
