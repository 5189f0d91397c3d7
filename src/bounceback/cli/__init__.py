"""The command line: thin commands over the tracker, one module per command group."""
