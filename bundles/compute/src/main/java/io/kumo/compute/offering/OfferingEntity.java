package io.kumo.compute.offering;

import java.sql.Timestamp;

/** What instance and disk offering rows share: what the generic offering operations change. */
public interface OfferingEntity {
    String getUuid();
    String getName();
    void setName(String name);
    String getDescription();
    void setDescription(String description);
    String getState();
    void setState(String state);
    int getSortKey();
    void setSortKey(int sortKey);
    void setLastOpDate(Timestamp lastOpDate);

    /** @return the API view */
    Object toInventory();
}
