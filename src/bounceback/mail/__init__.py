"""Reading mail: sources (mbox, Maildir, .eml, IMAP) hand over raw messages, `parse` turns them into plain data."""
