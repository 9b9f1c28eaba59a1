-- Which products the resolver and change detection treat as one ("copper cathode" -> copper);
-- rewritten by every resolution from the rules in warehouse/projects.py.
CREATE TABLE product_families (
    product VARCHAR PRIMARY KEY,
    family  VARCHAR NOT NULL
);
