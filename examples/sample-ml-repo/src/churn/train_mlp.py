"""Trains the MLP challenger: `python -m churn.train_mlp`."""
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from churn.features import add_features, clean, split_xy


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    X, y = split_xy(add_features(clean(pd.read_parquet("data/processed/customers.parquet"))))
    data = TensorDataset(torch.tensor(X.select_dtypes("number").values, dtype=torch.float32), torch.tensor(y.values, dtype=torch.float32))
    loader = DataLoader(data, batch_size=256, shuffle=True, num_workers=4)
    model = torch.nn.Sequential(torch.nn.Linear(X.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 1)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for epoch in range(20):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb.to(device)).squeeze(1), yb.to(device))
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "models/mlp.pt")


if __name__ == "__main__":
    main()
