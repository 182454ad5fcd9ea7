//! Correlates of War (COW) state numbers, as the Voeten, Bailey and Strezhnev UN voting
//! data name countries (`ccode`), to ISO alpha-3.
//!
//! The table is the `ccode` → `iso3c` pairs of the data's own ideal-point file
//! (`IdealpointestimatesAll_Jul2023.csv`, Harvard Dataverse hdl:1902.1/12379), limited to
//! countries Bilateral's table holds. Numbers whose country changed are read by year in
//! [`cow_country`]: 365 is the USSR before 1992 and Russia after (the data uses 365 for
//! both; Bilateral never joins them), 345 Serbia and Montenegro to 2005 and Serbia after.

use crate::data::country::{CountryId, countries};

/// COW number and ISO alpha-3, from the voting data's ideal-point file.
const COW_ISO3: [(u16, &str); 193] = [
    (2, "USA"),
    (20, "CAN"),
    (31, "BHS"),
    (40, "CUB"),
    (41, "HTI"),
    (42, "DOM"),
    (51, "JAM"),
    (52, "TTO"),
    (53, "BRB"),
    (54, "DMA"),
    (55, "GRD"),
    (56, "LCA"),
    (57, "VCT"),
    (58, "ATG"),
    (60, "KNA"),
    (70, "MEX"),
    (80, "BLZ"),
    (90, "GTM"),
    (91, "HND"),
    (92, "SLV"),
    (93, "NIC"),
    (94, "CRI"),
    (95, "PAN"),
    (100, "COL"),
    (101, "VEN"),
    (110, "GUY"),
    (115, "SUR"),
    (130, "ECU"),
    (135, "PER"),
    (140, "BRA"),
    (145, "BOL"),
    (150, "PRY"),
    (155, "CHL"),
    (160, "ARG"),
    (165, "URY"),
    (200, "GBR"),
    (205, "IRL"),
    (210, "NLD"),
    (211, "BEL"),
    (212, "LUX"),
    (220, "FRA"),
    (225, "CHE"),
    (230, "ESP"),
    (232, "AND"),
    (235, "PRT"),
    (255, "DEU"),
    (260, "DEU"),
    (265, "DDR"),
    (290, "POL"),
    (305, "AUT"),
    (310, "HUN"),
    (315, "CSK"),
    (316, "CZE"),
    (317, "SVK"),
    (325, "ITA"),
    (331, "SMR"),
    (338, "MLT"),
    (339, "ALB"),
    (341, "MNE"),
    (343, "MKD"),
    (344, "HRV"),
    (346, "BIH"),
    (349, "SVN"),
    (350, "GRC"),
    (352, "CYP"),
    (355, "BGR"),
    (359, "MDA"),
    (360, "ROU"),
    (366, "EST"),
    (367, "LVA"),
    (368, "LTU"),
    (369, "UKR"),
    (370, "BLR"),
    (371, "ARM"),
    (372, "GEO"),
    (373, "AZE"),
    (375, "FIN"),
    (380, "SWE"),
    (385, "NOR"),
    (390, "DNK"),
    (395, "ISL"),
    (402, "CPV"),
    (403, "STP"),
    (404, "GNB"),
    (411, "GNQ"),
    (420, "GMB"),
    (432, "MLI"),
    (433, "SEN"),
    (434, "BEN"),
    (435, "MRT"),
    (436, "NER"),
    (437, "CIV"),
    (438, "GIN"),
    (439, "BFA"),
    (450, "LBR"),
    (451, "SLE"),
    (452, "GHA"),
    (461, "TGO"),
    (471, "CMR"),
    (475, "NGA"),
    (481, "GAB"),
    (482, "CAF"),
    (483, "TCD"),
    (484, "COG"),
    (490, "COD"),
    (500, "UGA"),
    (501, "KEN"),
    (510, "TZA"),
    (516, "BDI"),
    (517, "RWA"),
    (520, "SOM"),
    (522, "DJI"),
    (530, "ETH"),
    (531, "ERI"),
    (540, "AGO"),
    (541, "MOZ"),
    (551, "ZMB"),
    (552, "ZWE"),
    (553, "MWI"),
    (560, "ZAF"),
    (565, "NAM"),
    (570, "LSO"),
    (571, "BWA"),
    (572, "SWZ"),
    (580, "MDG"),
    (581, "COM"),
    (590, "MUS"),
    (591, "SYC"),
    (600, "MAR"),
    (615, "DZA"),
    (616, "TUN"),
    (620, "LBY"),
    (625, "SDN"),
    (626, "SSD"),
    (630, "IRN"),
    (640, "TUR"),
    (645, "IRQ"),
    (651, "EGY"),
    (652, "SYR"),
    (660, "LBN"),
    (663, "JOR"),
    (666, "ISR"),
    (670, "SAU"),
    (679, "YEM"),
    (690, "KWT"),
    (692, "BHR"),
    (694, "QAT"),
    (696, "ARE"),
    (698, "OMN"),
    (700, "AFG"),
    (701, "TKM"),
    (702, "TJK"),
    (703, "KGZ"),
    (704, "UZB"),
    (705, "KAZ"),
    (710, "CHN"),
    (712, "MNG"),
    (713, "TWN"),
    (731, "PRK"),
    (732, "KOR"),
    (740, "JPN"),
    (750, "IND"),
    (760, "BTN"),
    (770, "PAK"),
    (771, "BGD"),
    (775, "MMR"),
    (780, "LKA"),
    (781, "MDV"),
    (790, "NPL"),
    (800, "THA"),
    (811, "KHM"),
    (812, "LAO"),
    (816, "VNM"),
    (820, "MYS"),
    (830, "SGP"),
    (835, "BRN"),
    (840, "PHL"),
    (850, "IDN"),
    (860, "TLS"),
    (900, "AUS"),
    (910, "PNG"),
    (920, "NZL"),
    (935, "VUT"),
    (940, "SLB"),
    (946, "KIR"),
    (947, "TUV"),
    (950, "FJI"),
    (955, "TON"),
    (970, "NRU"),
    (983, "MHL"),
    (986, "PLW"),
    (987, "FSM"),
    (990, "WSM"),
];

/// The country of COW number `ccode` in `year` (when known).
pub(crate) fn cow_country(ccode: u16, year: Option<i32>) -> Option<CountryId> {
    let iso3 = match ccode {
        365 if year.is_some_and(|y| y < 1992) => "SUN",
        365 => "RUS",
        345 => match year {
            Some(y) if y >= 2006 => "SRB",
            Some(y) if y >= 1992 => "SCG",
            _ => return None,
        },
        _ => {
            let index = COW_ISO3
                .binary_search_by_key(&ccode, |(code, _)| *code)
                .ok()?;
            COW_ISO3[index].1
        }
    };
    countries().lookup(iso3).map(|country| country.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cow_numbers_read_by_year_where_the_country_changed() {
        let iso3 = |ccode, year| {
            cow_country(ccode, year)
                .and_then(|id| countries().get(id))
                .map(|c| c.iso3.clone())
        };
        assert_eq!(iso3(365, Some(1980)).as_deref(), Some("SUN"));
        assert_eq!(iso3(365, Some(2014)).as_deref(), Some("RUS"));
        assert_eq!(iso3(630, None).as_deref(), Some("IRN"));
        assert_eq!(iso3(2, None).as_deref(), Some("USA"));
        assert_eq!(iso3(710, None).as_deref(), Some("CHN"));
        assert_eq!(iso3(345, Some(2010)).as_deref(), Some("SRB"));
        assert!(
            COW_ISO3.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted for binary search"
        );
        assert!(
            COW_ISO3
                .iter()
                .all(|(_, code)| countries().lookup(code).is_some())
        );
    }
}
