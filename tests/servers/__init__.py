"""Throwaway real servers for the tests: PostgreSQL and Dovecot, started on loopback in a temp folder."""
