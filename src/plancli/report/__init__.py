"""Turning results into text: the message catalogue and one reporter per output format."""
