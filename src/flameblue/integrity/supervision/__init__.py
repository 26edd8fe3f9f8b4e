"""Supervision of the corps (督察、审计、巡察、专项检查), the online cross-review of enforcement files
(消防执法网上交叉巡查) and the "三个必到" occasions of the committee members' liaison points."""
