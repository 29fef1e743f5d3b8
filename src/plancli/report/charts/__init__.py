"""Charts of an indicator (plancli.results.chart): drawn as text for a terminal (text.py,
no dependency), and as SVG or PNG by Matplotlib (draw.py and fonts.py, imported only by the
commands that draw files: `chart --output` and `site`). words.py words them in either language.
"""
