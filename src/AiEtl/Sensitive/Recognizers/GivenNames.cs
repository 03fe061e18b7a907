#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>Common given names of English, German, French, Spanish, Italian and Dutch speakers: what makes capitalised words a person's name.</summary>
internal static class GivenNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel",
        "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George",
        "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
        "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick", "Raymond", "Jack",
        "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Henry", "Douglas", "Zachary", "Peter", "Kyle", "Noah",
        "Ethan", "Jeremy", "Walter", "Christian", "Keith", "Roger", "Terry", "Austin", "Sean", "Gerald", "Carl", "Harold", "Dylan",
        "Arthur", "Lawrence", "Jordan", "Jesse", "Bryan", "Billy", "Bruce", "Gabriel", "Joe", "Logan", "Albert", "Willie", "Alan",
        "Eugene", "Russell", "Vincent", "Philip", "Bobby", "Johnny", "Bradley", "Liam", "Oliver", "Lucas", "Mason", "Elijah",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy",
        "Betty", "Sandra", "Margaret", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah",
        "Stephanie", "Dorothy", "Rebecca", "Sharon", "Laura", "Cynthia", "Amy", "Kathleen", "Angela", "Shirley", "Brenda", "Emma",
        "Anna", "Pamela", "Nicole", "Samantha", "Katherine", "Christine", "Helen", "Debra", "Rachel", "Carolyn", "Janet", "Maria",
        "Catherine", "Heather", "Diane", "Olivia", "Julie", "Joyce", "Victoria", "Ruth", "Virginia", "Lauren", "Kelly", "Christina",
        "Joan", "Evelyn", "Judith", "Andrea", "Hannah", "Megan", "Cheryl", "Jacqueline", "Martha", "Madison", "Teresa", "Gloria",
        "Sara", "Janice", "Ann", "Anne", "Kathryn", "Abigail", "Sophia", "Frances", "Jean", "Alice", "Judy", "Isabella", "Julia",
        "Grace", "Amber", "Denise", "Danielle", "Marilyn", "Beverly", "Charlotte", "Natalie", "Theresa", "Diana", "Brittany",
        "Doris", "Kayla", "Alexis", "Lori", "Marie", "Ava", "Mia", "Chloe", "Lily", "Zoe", "Ella", "Lucy", "Amelia", "Harper",
        "Hans", "Klaus", "Jürgen", "Jurgen", "Stefan", "Wolfgang", "Andreas", "Michael", "Uwe", "Dieter", "Frank", "Bernd", "Lukas",
        "Leon", "Finn", "Jonas", "Felix", "Maximilian", "Paul", "Ursula", "Monika", "Petra", "Sabine", "Claudia", "Birgit",
        "Heike", "Andrea", "Katrin", "Julia", "Lena", "Leonie", "Lea", "Sophie", "Marie", "Johanna", "Greta", "Jean", "Pierre",
        "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "François", "Francois", "Laurent", "Julien", "Hugo", "Louis",
        "Gabriel", "Arthur", "Jules", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Camille", "Manon", "Chloé", "Inès", "Léa",
        "Antonio", "Manuel", "Francisco", "Juan", "Javier", "Carlos", "Miguel", "Pedro", "Alejandro", "Pablo", "Sergio", "Jorge",
        "Carmen", "Isabel", "Dolores", "Pilar", "Lucía", "Lucia", "Paula", "Marta", "Elena", "Laura", "Giuseppe", "Giovanni",
        "Marco", "Luca", "Francesco", "Alessandro", "Matteo", "Lorenzo", "Giulia", "Francesca", "Chiara", "Sofia", "Aurora",
        "Jan", "Pieter", "Kees", "Willem", "Daan", "Sem", "Bram", "Anouk", "Sanne", "Fleur", "Lotte", "Femke", "Eva", "Tess",
        "Mohammed", "Muhammad", "Ahmed", "Ali", "Omar", "Fatima", "Aisha", "Yusuf", "Ibrahim", "Wei", "Li", "Ming", "Hiroshi",
        "Yuki", "Raj", "Priya", "Amit", "Anil", "Sunita", "Olga", "Ivan", "Dmitri", "Sergei", "Natasha", "Irina", "Tatiana",
        "Bo", "Cy", "Di", "Ed", "Al", "Ben", "Tom", "Tim", "Sam", "Max", "Kim", "Meg", "Jo", "Liz", "Kate", "Beth", "Jill",
    };

    public static bool Contains(string word) => Names.Contains(word);
}
