"""bounceback: track a job search from the mailbox, and bounce back from every rejection."""

__version__ = "0.1.0"
