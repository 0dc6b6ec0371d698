#!/usr/bin/env bash
# Fetches the public Telco churn table we use as an outside sanity check.
set -euo pipefail

DEST="data/external"
mkdir -p "$DEST"

wget -q -O "$DEST/telco_churn.csv" \
  "https://raw.githubusercontent.com/acme-analytics/public-benchmarks/master/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv"

echo "saved $(wc -l < "$DEST/telco_churn.csv") lines to $DEST/telco_churn.csv"
