"""Relate: the canvases each canvas links to, with a reason each, from the terms and traits of their blocks."""
