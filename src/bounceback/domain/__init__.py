"""The pure core: plain data and rules of a job search, with no I/O, SQL, HTTP or terminal in it."""
