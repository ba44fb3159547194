package io.kumo.api.tag;

/** The two kinds of tag. */
public enum TagType {
    /** Free-form tags set by users for their own use. */
    User,
    /** Tags read by Kumo and its plugins to change behaviour. */
    System
}
