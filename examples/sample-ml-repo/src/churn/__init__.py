"""Churn prediction for the subscription business."""

__version__ = "0.4.0"
