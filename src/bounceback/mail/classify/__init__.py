"""Which kind of job email a message is, with a calibrated confidence (see model.py for the choice of model)."""
