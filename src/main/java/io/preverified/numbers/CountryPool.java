package io.preverified.numbers;

/**
 * The part of a business's pool in one country.
 *
 * @param countryCallingCode such as {@code 44}, what a reservation asks for; {@code null}
 * for numbers upstream lists without a phone number in E.164
 * @param region the calling code's main region, such as {@code GB}; {@code 001} for a
 * non-geographic code
 * @param offerable numbers a reservation of this country can hold
 * @param held numbers of this country held by a live reservation
 */
public record CountryPool(String countryCallingCode, String region, long offerable, long held) {

}
