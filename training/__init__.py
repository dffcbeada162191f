"""Training of the learned scorers; needs scikit-learn and the shared data, never imported by the service."""
