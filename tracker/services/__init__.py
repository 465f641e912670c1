"""Use cases, one function each, with a Session (or session factory) passed in. No UI, no NLP here."""
