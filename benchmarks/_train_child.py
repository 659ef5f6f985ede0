"""Child process of the training benchmark: load a data folder, train, save; one JSON line out.

Run as ``python -m benchmarks._train_child --data DIR --save DIR``; the parent measures this
process's wall time and peak resident memory.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks._train_child")
    parser.add_argument("--data", required=True, help="folder with the training CSV files")
    parser.add_argument("--save", required=True, help="folder to save the trained model into")
    parser.add_argument("--encodings", help="the encoding cache folder (as DATA_DIR/encodings)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    dataset = model.load_dataset(args.data)
    loaded = time.perf_counter()
    trained = model.train(dataset, encodings=args.encodings)
    fitted = time.perf_counter()
    sidecar = model.save(trained, args.save)
    saved = time.perf_counter()
    print(json.dumps({
        "examples": len(dataset),
        "load_seconds": round(loaded - started, 3),
        "train_seconds": round(fitted - loaded, 3),
        "save_seconds": round(saved - fitted, 3),
        "artifact_bytes": sidecar["artifact"]["bytes"],
        "features": trained.info.get("features"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
