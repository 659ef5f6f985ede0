"""``python -m training_data.build [--out DIR]``: rewrite every generated training CSV."""
import argparse
from pathlib import Path

from . import data, pipeline

parser = argparse.ArgumentParser(prog="python -m training_data.build", description=__doc__)
parser.add_argument("--out", type=Path, default=data.FOLDER,
                    help="folder to write the generated CSVs to (default: training_data/)")
pipeline.run(parser.parse_args().out)
