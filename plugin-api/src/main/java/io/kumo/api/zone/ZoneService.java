package io.kumo.api.zone;

import java.util.Optional;

/** Reads zones, for modules whose resources live in a zone. */
public interface ZoneService {
    /** @param uuid a zone uuid @return the zone, if it exists */
    Optional<ZoneInventory> get(String uuid);
}
