package io.heartwise.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void distanceCountsEditsBothWays() {
        assertEquals(0, EditDistance.between("slug", "slug"));
        assertEquals(1, EditDistance.between("slug", "slugs"));
        assertEquals(1, EditDistance.between("slugs", "slug"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }
}
