{2:"the state of Florida, not a town of 2,900 people named Florida",
25:"a party member (Democrat), matched to Sumiton by an alternate name",
27:"an abbreviation (modus operandi), not Macao's ISO code",
49:"Dallas, Texas; matched to the village of Ansonia by an alternate name"}
