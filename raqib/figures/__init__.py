"""Casualty and displacement figures: lexicons, token cues, source attribution and merging.

The stage ``raqib.stages.figures`` drives these modules: ``lexicon`` holds the word lists,
``cues`` classifies the tokens of a sentence, ``attribution`` finds who the text credits,
``extract`` turns quantities into figures and ``merge`` removes double counts.
"""
