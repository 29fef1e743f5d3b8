"""plancli: Wenzhou's 14th Five-Year Plan outline as data you can query, check and score."""

__version__ = "0.1.0"
