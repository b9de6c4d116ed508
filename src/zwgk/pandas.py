"""``import zwgk.pandas`` registers the ``Series.zwgk`` accessor.

>>> import pandas as pd
>>> import zwgk.pandas
>>> s = pd.Series(pd.to_datetime(["2024-02-09"]))
>>> s.zwgk.add_working_days(1)  # the Spring Festival week is skipped

``zwgk.calendar`` also registers it when imported *after* pandas (``"pandas" in
sys.modules``); it never imports pandas itself.  Needs the ``pandas`` extra.
"""

from zwgk.calendar._pandas import ZwgkSeriesAccessor, register_accessor

__all__ = ["ZwgkSeriesAccessor", "register_accessor"]

register_accessor()
