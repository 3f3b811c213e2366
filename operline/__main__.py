import sys

from operline.cli import main

sys.exit(main())
