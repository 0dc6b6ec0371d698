"""Small helpers shared by the training, evaluation and serving code."""
import json
import logging
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def get_logger(name: str) -> logging.Logger:
    """A logger that prints timestamps; level comes from CHURN_LOG_LEVEL."""
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(os.environ.get("CHURN_LOG_LEVEL", "INFO"))
    return logger


def ensure_parent(path) -> Path:
    """Creates the folder a file will be written to."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def save_json(obj, path) -> None:
    with open(ensure_parent(path), "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True)


def load_json(path):
    with open(path) as f:
        return json.load(f)
