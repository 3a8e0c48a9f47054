//! Text F1 against gold sets, the same definition as `shared/tools/score.py`.
