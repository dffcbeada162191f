"""Comment moderation for newsrooms: the domain, free of web and queue frameworks."""

__version__ = "0.1.0"
