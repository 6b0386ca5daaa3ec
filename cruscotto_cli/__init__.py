"""cruscotto: a Chamber of Commerce's strategic plan as code, evaluated year by year."""

__version__ = "0.1.0"
