"""The unit sheet (单位信息表) in and out of Excel: columns, import jobs, export, and the units' QR sheets."""
