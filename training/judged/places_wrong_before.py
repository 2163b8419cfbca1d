{2:"a demonym (Canadian-born), not the small US town",9:"the country (United States), not the Argentine town",
12:"a person (Grimes, a candidate), not the Iowa town",14:"the country (United States), not the Argentine town",
18:"a casino (the Taj), matched to a US village by an alternate name",32:"a religion (Mormon), matched to a village by an alternate name",
34:"the country (United States), not the Argentine town",38:"a university, not a settlement",
24:"written with the Arizona state abbreviation; the 15,000-people Hereford is the Texas city",27:"the state of New York (mega-states), not the city"}
