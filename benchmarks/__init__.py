"""Reageerwijzer's benchmarks: classify latency in-process and over HTTP, training time and memory.

Run them with ``python -m benchmarks [--quick] [--json FILE]``. They start the production server
(``reageerwijzer serve``) on 127.0.0.1 with a temporary data folder, drive it with ``wrk``, train
on enlarged copies of ``training_data/`` in child processes, print a table with PASS/FAIL per
target and, with ``--json``, write every figure to a file. Nothing here is a test: figures
depend on the machine, so they are checked against the targets and reported, not asserted.
"""
