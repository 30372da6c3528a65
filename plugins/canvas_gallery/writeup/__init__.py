"""Write up: the analysis sections of a canvas page, from its editor prose, its items and its related canvases."""
