-- Which partner organisations may see which partnership (shortlisted or selected there).
CREATE TABLE partner_access (
    partnership_id  VARCHAR(255) NOT NULL,
    organization_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (partnership_id, organization_id)
);
