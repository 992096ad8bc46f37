"""The training people already record (watch and app exports) as the source of load,
fatigue and heat.

- `readers`: FIT, GPX, TCX and CSV files to activity records; `files`: folders and zips,
  with limits against huge files and zip bombs.
- `load`: weekly volume per sport, week-on-week change, acute:chronic ratio.
- `placement`: cramps placed in the sessions they happened in.
- `findings`: observed findings for the assessment, with the numbers behind them.
- `view`: cramps against weekly load, for the progress views.
- `importing` and `record`: the store side (import files; read a person's record).
"""
