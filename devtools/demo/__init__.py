"""Demo data: the facts of five public news stories about AMIF-funded integration work."""
