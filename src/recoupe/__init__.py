"""recoupe: cross-check the news.

Turns a stream of French and English news documents into a sourced story dossier. The library is
the product: the command line (:mod:`recoupe.cli`) is a thin layer over :mod:`recoupe.build`,
:mod:`recoupe.store` and :mod:`recoupe.export`. :mod:`recoupe.pipeline` lists the stages in order.
"""

__version__ = "0.1.0"
