"""Rules: the model, the lexicon matcher, the catalogue and the engine that runs them."""
