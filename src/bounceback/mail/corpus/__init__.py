"""The labelled training mail written for bounceback (evaluation mail lives apart, in benchmarks/data)."""
